"""
Partner search and partnerships (Cooperation): members find complementary
partners in their course community and form long-term partnerships aimed at
an EU funding instrument. Reached through ``api``.
"""
