"""`nndesk export` and `nndesk import`: the handlers (nndesk.export does the work)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nndesk.cli.common import UserError, load_model_arg

__all__ = ["cmd_export", "cmd_import", "tensorboard_hook", "EXTRA_FOR"]

# The optional extra that brings each library, for the message when it is missing.
EXTRA_FOR = {"torch": "pytorch", "onnx": "onnx", "onnxruntime": "onnx",
             "tensorboardX": "tensorboard"}


def missing_extra(err: ImportError) -> UserError:
    """A UserError telling which extra to install for a missing library."""
    name = (err.name or "").split(".")[0]
    extra = EXTRA_FOR.get(name, "export")
    return UserError(f"this needs {name or 'an optional library'}: "
                     f"pip install 'nndesk[{extra}]'")


WHAT = {"pytorch": "model.py, weights.pt, train.py, spec.json, README.md",
        "numpy": "network.py, params.npz",
        "onnx": "opset 17, input 'image' (N, ...), outputs 'logits' and 'probabilities'"}


def _what(target: str, spec: dict) -> str:
    """What an export wrote; a sequence model's files and inputs differ from an image model's."""
    from nndesk.export.common import is_sequence_spec

    if not is_sequence_spec(spec):
        return WHAT[target]
    if target == "pytorch":
        return "model.py, weights.pt, spec.json, README.md"
    lengths = " and 'lengths' (N,)" if spec["input_shape"][0] is None else ""
    return (f"opset 17, input 'sequence' (N, steps, features){lengths}, outputs 'logits' and "
            f"'probabilities'")


def cmd_export(args: argparse.Namespace) -> int:
    """Write MODEL to --to's format at OUT; one line saying what was written."""
    from nndesk.export import ExportError, export_model

    model = load_model_arg(args.model)
    out = Path(args.out)
    try:  # OUT as typed: "" is no name (as a Path it would be ".")
        export_model(model, args.to, args.out, replace=args.force)
    except ExportError as err:
        raise UserError(str(err)) from None
    except ImportError as err:
        raise missing_extra(err) from None
    except OSError as err:
        raise UserError(f"cannot write {out}: {err.strerror or err}") from None
    print(f"wrote {out} ({_what(args.to, model.spec)})", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Read a .pt state_dict or an .onnx file and save it as an nndesk model."""
    from nndesk.export import ExportError
    from nndesk.export.importers import import_model
    from nndesk.train import save_model

    try:
        net = import_model(args.file, args.spec)
    except ExportError as err:
        raise UserError(" ".join(str(err).split())) from None
    except ImportError as err:
        raise missing_extra(err) from None
    metadata = {"imported_from": str(args.file), "message": f"imported from {args.file}"}
    try:
        save_model(args.out, net, metadata)
    except OSError as err:
        raise UserError(f"cannot write {args.out}: {err.strerror or err}") from None
    print(f"wrote {args.out} ({net.num_params:,} parameters from {args.file}); "
          f"try: nndesk eval {args.out}", file=sys.stderr)
    return 0


def tensorboard_hook(trainer, args: argparse.Namespace) -> None:
    """`nndesk train --tensorboard DIR`: log the run's curves and histograms to DIR."""
    from nndesk.export.tensorboard import attach

    try:
        attach(trainer, args.tensorboard)
    except ImportError as err:
        raise missing_extra(err) from None
    except OSError as err:
        raise UserError(f"--tensorboard {args.tensorboard}: {err.strerror or err}") from None
