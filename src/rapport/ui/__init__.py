"""The Streamlit shell: cached resources, session state and shared render_* components.

Besides app.py and app_pages/, this is the only package that imports streamlit.
"""
