"""What several handlers show: an advisory, the admin's draft and reports, short replies.

Handler modules import views, never each other; each handler stays a leaf.
"""
