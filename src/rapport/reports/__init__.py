"""Word documents with python-docx: plain values and chart PNGs in, .docx bytes out.
common.py builds any document; student*.py the student's report; debrief.py the room's.
"""
