"""A training run's name in the run list: its number, design, optimizer and learning rate,
then what differs from the run before ("3: custom · Adam lr 0.001 · Dense 1 He")."""

from __future__ import annotations

from nndesk.gui.terms import design_name

__all__ = ["run_name", "run_tip"]


def run_name(number: int, spec: dict, config: dict, before: dict | None) -> str:
    """The name of run `number` of `spec` with `config`; `before`: {"spec", "config"} of the
    run started before it (None for the first), whose differences the name ends with."""
    name = (f"{number}: {design_name(spec.get('name', 'network'))} · "
            f"{config['optimizer']} lr {config['lr']:g}")
    changed = _changes(before, {"spec": spec, "config": dict(config)})
    if changed:  # what tells this run from the one before ("custom · Adam" twice)
        name += " · " + changed
    return name


def run_tip(number: int, spec: dict, config: dict, before: dict | None) -> str:
    """The run list's tooltip: the whole name, every difference from the run before on its own
    line (the name stops at two and 48 characters, "…"; the tooltip showed that cut name)."""
    name = (f"{number}: {design_name(spec.get('name', 'network'))} · "
            f"{config['optimizer']} lr {config['lr']:g}")
    return "\n".join([name, *_change_parts(before, {"spec": spec, "config": dict(config)})])


def _change_parts(before: dict | None, now: dict) -> list[str]:
    """Every difference from the previous run besides the optimizer and learning rate, as the
    run's name writes one ("Dense 1 He", "after Dense 1 BatchNorm, ReLU")."""
    if not before:
        return []
    from nndesk.gui.compare_view import init_text, setting_text
    from nndesk.insight.compare import diff_runs

    return [f"{setting_text(d.group, d.setting)} "
            f"{'–' if d.b is None else init_text(d.b) if d.group == 'init' else d.b}"
            for d in diff_runs((before["spec"], before["config"]), (now["spec"], now["config"]))
            if d.group not in ("optimizer", "learning rate")]


def _changes(before: dict | None, now: dict, most: int = 2, width: int = 48) -> str:
    """What differs from the previous run besides the optimizer and learning rate (those are
    in the run's name): "Dense 1 He, after Dense 1 BatchNorm, ReLU" (at most `most`
    differences, `width` characters); "" for the first run or the same settings."""
    diffs = _change_parts(before, now)
    text = ", ".join(diffs[:most]) + (", …" if len(diffs) > most else "")
    return text if len(text) <= width else text[:width - 1] + "…"
