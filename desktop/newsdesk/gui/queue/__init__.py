"""The editors' queue desk."""
