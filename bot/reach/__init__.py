"""Reaching people who have not subscribed: the public web page and the printable poster."""
