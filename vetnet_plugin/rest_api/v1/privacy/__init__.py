"""REST endpoints of privacy: the personal data export."""
