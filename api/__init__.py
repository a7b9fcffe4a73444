"""The API under /api/v1/: every resource's representation, filters, formats and writes."""
