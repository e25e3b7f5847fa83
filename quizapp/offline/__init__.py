"""Offline study: the web app manifest, the service worker, downloads and the sync."""
