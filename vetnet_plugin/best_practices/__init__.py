"""
The formal best-practice track (Cooperation): practices written on a
structured template, peer-reviewed with a rubric, graded, and deposited in the
repository; and the projection of the platform's certificates.
"""
