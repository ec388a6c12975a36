"""Wide-area exchange through magic-wormhole: a helper process, and the app side that drives it.

The wormhole side runs on Twisted, whose reactor is one per process and does not fit an asyncio
loop per job; so it runs in a helper process (`bridge`, started by `link`) that joins a code,
dilates the wormhole and hands one subchannel to the app as a local socket. The app speaks its
ordinary Noise channel and sync session over that socket. See docs/WIDE_AREA.md.
"""
