"""Everything Qt. One package per surface (editor/, articles/, photodesk/, preview/, sync/).

The core packages below never import from here; screens listen to each other
through Qt signals and never call into each other's widgets.
"""
