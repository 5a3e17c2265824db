"""The nndesk window (Qt). Start it with `nndesk` or `nndesk.gui.app.run()`."""

__all__: list[str] = []
