"""
The resource toolbox (Sharing): deposits of files and links with VET
metadata, their versions, safety scan and downloads, the library search with
facets, reviews, adoptions, collections, moderation, and moving the library
between instances.
"""
