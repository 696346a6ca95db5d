"""Advisors, staff and admins: accounts, password login, bearer tokens, roles."""
