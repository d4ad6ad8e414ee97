"""What a page asks for, in one call: the student's report and progress, workshops and
their rooms, retention. Repositories are passed in; nothing here draws or holds state.
"""
