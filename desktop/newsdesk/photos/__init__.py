"""The photo library's core: import, thumbnails, IPTC/XMP/EXIF, export, caption templates.

No Qt here: the command line, the benchmarks and the photo desk all use it.
"""
