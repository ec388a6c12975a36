"""Vouch's installed resources: SVG icons, the application icon and the desktop entry."""
