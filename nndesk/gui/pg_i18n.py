"""pyqtgraph's right-click menus in the window's language, through the one translation system.

pyqtgraph builds its menus with `QCoreApplication.translate(context, text)` in its own
contexts ("ViewBox", "PlotItem", "GraphicsScene", and "Form" for the axis panel). A translator
installed once sends those texts to nndesk's translations (context `nndesk`, the .ts files);
the texts are listed here with N_() so that `i18n_tools update` keeps them in the .ts files.
pyqtgraph makes a plot's menu when the plot is made; `retranslate_pyqtgraph(window)` remakes
the menus of the plots already shown after View ▸ Language. The panels behind "Plot Options"
(Transforms, Downsample, ...), the axis panel's tooltips and the export dialog stay in English
(their many labels are pyqtgraph's, not nndesk's).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from nndesk.gui.i18n import CONTEXT, N_

__all__ = ["PYQTGRAPH_TEXTS", "install_pyqtgraph_translator", "retranslate_pyqtgraph"]

PYQTGRAPH_TEXTS: dict[str, tuple[str, ...]] = {
    "ViewBox": (N_("View All"), N_("axis"), N_("Mouse Mode"), N_("3 button"),
                N_("1 button")),
    "PlotItem": (N_("Plot Options"), N_("Transforms"), N_("Downsample"), N_("Average"),
                 N_("Alpha"), N_("Grid"), N_("Points")),
    "GraphicsScene": (N_("Export..."),),
    "Form": (N_("Manual"), N_("Auto"), N_("Visible Data Only"), N_("Auto Pan Only"),
             N_("Link Axis:"), N_("Invert Axis"), N_("Mouse Enabled")),
}


class _PyqtgraphTranslator(QTranslator):
    """Answers pyqtgraph's contexts from nndesk's translations; None: not ours, Qt goes on."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        if context not in PYQTGRAPH_TEXTS or source_text not in PYQTGRAPH_TEXTS[context]:
            return None
        text = QCoreApplication.translate(CONTEXT, source_text)
        return text if text != source_text else None


_installed: list[QTranslator] = []


def install_pyqtgraph_translator() -> None:
    """Install the translator once per application (before pyqtgraph's first plot)."""
    app = QCoreApplication.instance()
    if app is None or _installed:
        return
    translator = _PyqtgraphTranslator(app)
    app.installTranslator(translator)
    _installed.append(translator)


def retranslate_pyqtgraph(root) -> None:
    """Remake the right-click menus of every pyqtgraph plot under the widget `root` in the
    current language (a no-op while pyqtgraph is not loaded)."""
    import sys

    pg = sys.modules.get("pyqtgraph")
    if pg is None:
        return
    translate = QCoreApplication.translate
    for view in root.findChildren(pg.GraphicsView):
        scene = view.scene()
        for action in getattr(scene, "contextMenu", [])[:1]:
            action.setText(translate("GraphicsScene", "Export..."))
        for item in scene.items():
            if isinstance(item, pg.ViewBox) and item.menu is not None:
                item.setMenuEnabled(False)   # pyqtgraph makes a new ViewBoxMenu, its texts
                item.setMenuEnabled(True)    # read through the translator
            elif isinstance(item, pg.PlotItem) and item.ctrlMenu is not None:
                item.ctrlMenu.setTitle(translate("PlotItem", "Plot Options"))
                for action, name in zip(item.ctrlMenu.actions(), PYQTGRAPH_TEXTS["PlotItem"][1:],
                                        strict=False):
                    action.setText(translate("PlotItem", name))
