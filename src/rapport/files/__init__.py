"""Bytes to and from core values: practice-framework YAML, the answers file (JSON, and
the copy embedded in a report), uploads, CSV exports and QR codes. No Streamlit, no SQL.
"""
