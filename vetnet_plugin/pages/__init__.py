"""
The plugin's own HTML pages in the LMS: the community hub (the course tab's
target and the community-wide page), a course's phase criteria for its staff,
and a credential's public page. Thin, like the REST views: they call
``vetnet_plugin.api`` and render its values.
"""
