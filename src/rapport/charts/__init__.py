"""Altair charts: core values in, a Figure (chart, caption, data table) out; PNG rendering
for the Word reports. One look for every chart lives in style.py.
"""
