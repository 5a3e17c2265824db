"""Crafted model files and checkpoints (issue 10): each kind refused with one clear error.

Zip bombs are refused from the sizes the archive declares, before any entry is decompressed;
JSON bombs, lossy or non-finite weights, and checkpoint state that does not hold together are
ModelFileErrors naming the file once. Text from a file is escaped by `fileio.printable`.
"""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from train_helpers import MLP_SPEC

from nndesk.fileio import printable
from nndesk.nn import Adam, Network
from nndesk.train import ModelFileError, TrainConfig, load_model, save_model
from nndesk.train import modelfile as mf


@pytest.fixture
def net() -> Network:
    return Network.from_spec(MLP_SPEC, seed=1)


def _arrays(path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _rewrite(path, arrays: dict) -> None:
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _json(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _refused(path, pattern: str) -> str:
    with pytest.raises(ModelFileError, match=pattern) as info:
        load_model(path)
    message = str(info.value)
    assert message.count(path.name) == 1, message  # the file named once
    assert "allow_pickle" not in message and "\n" not in message
    return message


# --- what the file is ----------------------------------------------------------------------------
def test_a_one_byte_file_is_too_short(tmp_path):
    path = tmp_path / "m.npz"
    path.write_bytes(b"\x80")  # a pickle's first byte: never called "pickled data"
    msg = _refused(path, "too short to be a model file")
    assert "pickle" not in msg


@pytest.mark.parametrize(("name", "content", "what"), [
    ("README.md", "# nndesk\n\nA desktop app that teaches neural networks.\n" * 3,
     r"a text file \(Markdown\), not an nndesk model file; a model file is an .npz"),
    ("curves.csv", "epoch,loss,acc\n1,0.5,0.9\n2,0.3,0.95\n",
     "a CSV text file .*, not an nndesk model file"),
    ("spec.npz", '{"input_shape": [1, 28, 28], "layers": []}\n',
     "a JSON text file .*nndesk train --spec"),
])
def test_other_kinds_of_file_say_what_they_are_and_what_to_do(tmp_path, name, content, what):
    path = tmp_path / name
    path.write_text(content)
    _refused(path, what)


def test_an_image_and_a_single_array_are_named(tmp_path):
    from PIL import Image

    png = tmp_path / "digit.npz"
    Image.new("L", (28, 28)).save(png, format="PNG")
    _refused(png, "a PNG image.*nndesk predict")
    npy = tmp_path / "one.npz"
    with open(npy, "wb") as f:
        np.save(f, np.zeros(3))
    _refused(npy, "a single NumPy array")


# --- zip bombs and odd archives ------------------------------------------------------------------
def _bomb(path, net, megabytes: int) -> None:
    """A real model whose first weight entry is replaced by `megabytes` MB of deflated zeros
    behind a valid .npy header: a zip bomb of the format's own shape."""
    raw = _arrays_raw(save_model(path, net))
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (megabytes * 2**18,)})
    raw["w/0.W.npy"] = header.getvalue() + bytes(megabytes << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in raw.items():
            z.writestr(name, data)


def _arrays_raw(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path, net, monkeypatch):
    path = tmp_path / "bomb.npz"
    _bomb(path, net, megabytes=32)
    assert path.stat().st_size < 1 << 20  # 64 MB of weights in a file under 1 MB
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open",
                        lambda self, name, *a, **k: opened.append(name) or real_open(
                            self, name, *a, **k))
    _refused(path, r"unpack to 32 MB from a [0-9,]+-byte file: refused unread")
    assert opened == []  # not one entry decompressed, not even a header


def test_an_entry_larger_than_its_header_says_is_damaged(tmp_path, net):
    path = save_model(tmp_path / "m.npz", net)
    raw = _arrays_raw(path)
    raw["w/0.b.npy"] += bytes(4096)  # the header says (24,), the entry holds more
    with zipfile.ZipFile(path, "w") as z:
        for name, data in raw.items():
            z.writestr(name, data)
    _refused(path, r"entry 'w/0.b' is damaged \(its header promises")


@pytest.mark.parametrize("name", ["evil.npy", "../w/0.W.npy", "w/0.W", "metadata.npy.npy",
                                  "opt/m.0.W/../../x.npy"])
def test_entry_names_outside_the_format_are_refused(tmp_path, net, name):
    path = save_model(tmp_path / "m.npz", net)
    with zipfile.ZipFile(path, "a") as z:
        buf = io.BytesIO()
        np.save(buf, np.zeros(2, np.float32))
        z.writestr(name, buf.getvalue())
    _refused(path, "unexpected entry|appears twice")


def test_a_spec_needing_far_more_weights_than_the_file_holds(tmp_path, net):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    spec = json.loads(arrays["spec"].tobytes())
    spec["layers"][0]["units"] = 90_000  # 287 MB of weights if it were built
    arrays["spec"] = _json(json.dumps(spec))
    _rewrite(path, arrays)
    needs = 784 * 90_000 + 90_000 + 2 * 90_000 + 90_000 * 10 + 10  # Dense, BatchNorm, Dense
    _refused(path, f"its spec needs {needs:,} weights")


# --- JSON ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [100_000, 200])
def test_deeply_nested_json_is_a_model_file_error(tmp_path, net, depth):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["metadata"] = _json('{"a": ' + "[" * depth + "]" * depth + "}")
    _rewrite(path, arrays)
    _refused(path, "'metadata' entry is nested")


def test_json_that_would_parse_into_far_more_memory_is_refused(tmp_path, net):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["metadata"] = _json("[" + "{}," * 1_000_000 + "{}]")  # 3 MB -> ~70 MB of dicts
    _rewrite(path, arrays)
    _refused(path, "its JSON entries hold 2.9 MB of text: more than nndesk reads")


# --- weights ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "word"), [(np.nan, "NaN"), (np.inf, "infinite"),
                                             (-np.inf, "infinite")])
def test_non_finite_weights_are_refused_with_the_reason(tmp_path, net, value, word):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["w/4.W"][3, 2] = value
    _rewrite(path, arrays)
    _refused(path, rf"'w/4.W' holds 1 {word} value: the training that wrote it diverged")


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint64", "float16", "bool", "complex64"])
def test_weights_in_a_dtype_nndesk_does_not_write_are_refused(tmp_path, net, dtype):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["w/0.b"] = np.ones_like(arrays["w/0.b"], dtype=dtype)
    _rewrite(path, arrays)
    _refused(path, f"'w/0.b' has dtype {dtype}: nndesk model files hold float32 weights")


def test_float64_loads_only_when_it_holds_float32_values_exactly(tmp_path, net):
    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["w/4.W"] = arrays["w/4.W"].astype(np.float64)  # exact: loads, bit for bit
    _rewrite(path, arrays)
    loaded = load_model(path).network.state_dict()["4.W"]
    assert loaded.dtype == np.float32 and np.array_equal(loaded, net.state_dict()["4.W"])
    arrays["w/4.W"][0, 0] = 0.1  # 0.1 has no exact float32: rounding would be silent
    _rewrite(path, arrays)
    _refused(path, "'w/4.W' is float64 with values float32 cannot hold exactly")


# --- checkpoints --------------------------------------------------------------------------------
def _checkpoint(net, **changes) -> dict:
    opt = Adam(lr=0.01)
    opt.update(net.params(), {k: np.ones_like(v) for k, v in net.params().items()})
    rng = np.random.default_rng(5)
    state = {"epoch": 1, "batch": 0, "step": 12, "config": TrainConfig().to_dict(),
             "rng": rng.bit_generator.state, "epoch_rng": None, "net_rng": None,
             "history": [{"epoch": 1, "val_acc": 0.5}], "best_epoch": 1, "best_val_acc": 0.5,
             "since_best": 0, "train_time_s": 3.0, "epoch_loss_sum": 0.0,
             "epoch_loss_count": 0, "epoch_time_s": 0.0, "optimizer": opt.state_dict(),
             "best_weights": None}
    state.update(changes)
    return state


def test_a_complete_checkpoint_loads(tmp_path, net):
    ck = load_model(save_model(tmp_path / "c.npz", net, checkpoint=_checkpoint(net))).checkpoint
    assert ck["step"] == 12 and sorted(ck["optimizer"]) == sorted(
        ["t", "lr", *(f"{s}.{k}" for s in "mv" for k in net.params())])


def _drop(name):
    def change(state):
        del state["optimizer"][name]
    return change


BAD_STATE = {
    "one Adam slot missing": (_drop("v.4.W"), "'opt/v.4.W' is missing .*from zero"),
    "every slot missing": (lambda s: s.update(optimizer={"t": np.array(12),
                                                          "lr": np.array(0.01)}),
                           "optimizer state arrays are missing"),
    "slot of the wrong shape": (lambda s: s["optimizer"].update({"m.0.W": np.zeros((3, 3))}),
                                r"'opt/m.0.W' has shape \(3, 3\)"),
    "slot of another optimizer": (lambda s: s["optimizer"].update({"h.0.W": np.zeros(3)}),
                                  "unexpected entry 'opt/h.0.W'"),
    "slot in int64": (lambda s: s["optimizer"].update(
        {"m.0.b": np.zeros(24, np.int64)}), "'opt/m.0.b' has dtype int64"),
    "NaN in a slot": (lambda s: s["optimizer"]["v.0.b"].__setitem__(0, np.nan),
                      "'opt/v.0.b' holds 1 NaN"),
    "negative epoch": (lambda s: s.update(epoch=-1), "'epoch' is -1, not a count"),
    "fractional step": (lambda s: s.update(step=1.5), "'step' is 1.5, not a count"),
    "bool batch": (lambda s: s.update(batch=True), "'batch' is True, not a count"),
    "NaN time": (lambda s: s.update(train_time_s=float("nan")), "'train_time_s' is nan"),
    "accuracy 3": (lambda s: s.update(best_val_acc=3.0), "'best_val_acc' 3.0 is not an"),
    "config not a dict": (lambda s: s.update(config=[1, 2]), "'config' is not a JSON object"),
    "unknown setting": (lambda s: s["config"].update(turbo=True), "unknown key 'turbo'"),
    "lr a word": (lambda s: s["config"].update(lr="fast"), "setting 'lr' is 'fast'"),
    "epochs a float": (lambda s: s["config"].update(epochs=2.5), "setting 'epochs' is 2.5"),
    "lr infinite": (lambda s: s["config"].update(lr=float("inf")), "setting 'lr' is inf"),
    "unknown optimizer": (lambda s: s["config"].update(optimizer="sgdx"), "settings are "
                          "invalid"),
    "damaged rng": (lambda s: s.update(rng={"bit_generator": "PCG64", "state": 5}),
                    "random state 'rng' is damaged"),
    "mid-epoch without its rng": (lambda s: s.update(batch=3), "lacks that epoch's random"),
    "history not a list": (lambda s: s.update(history="long"), "history is not a list"),
    "counter missing": (lambda s: s.pop("since_best"), "incomplete \\('since_best'"),
}


@pytest.mark.parametrize("case", sorted(BAD_STATE))
def test_checkpoint_state_is_validated_on_load(tmp_path, net, case):
    change, pattern = BAD_STATE[case]
    state = _checkpoint(net)
    change(state)
    path = save_model(tmp_path / "c.npz", net, checkpoint=state)
    _refused(path, pattern)


def test_best_weights_are_checked_like_weights(tmp_path, net):
    best = {k: v.copy() for k, v in net.state_dict().items()}
    best["0.W"] = best["0.W"][:3]
    path = save_model(tmp_path / "c.npz", net, checkpoint=_checkpoint(net, best_weights=best))
    _refused(path, r"best-epoch array 'best/0.W' has shape")


# --- text from files ----------------------------------------------------------------------------
HOSTILE = ["\x1b[2J\x1b[31mred", "\x1b]0;pwned\x07", "fake\rline", "abc\u202eexe.txt",
           "nul\x00byte", "two\nlines", "\x9b31m", "zero\u200bwidth", "sep\u2028line"]


@pytest.mark.parametrize("text", HOSTILE)
def test_printable_leaves_no_control_or_direction_character(text):
    out = printable(text)
    assert all(ch.isprintable() for ch in out), repr(out)
    assert "\\" in out  # shown, escaped, not dropped


def test_printable_keeps_ordinary_text_and_cannot_be_forged():
    assert printable("数字 7 — ünïcode 🙂") == "数字 7 — ünïcode 🙂"
    assert printable("C:\\x1b") == "C:\\\\x1b"  # a literal backslash is doubled
    assert printable("\x1b") == "\\x1b" and printable("\u202e") == "\\u202e"
    assert printable("a" * 50, limit=10) == "aaaaaaa..."
    assert printable(3.5) == "3.5"


def test_info_escapes_what_the_file_says(tmp_path, net, capsys):
    from nndesk.cli import main

    spec = dict(net.spec, name="Evil\x1b]0;title\x07Net")
    evil = Network.from_spec(spec)
    path = save_model(tmp_path / "m.npz", evil, {"command": "nndesk train\r\x1b[2Kfake",
                                                 "k\u202eey": "v\x1b[31m"})
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x07" not in out
    assert "Evil\\x1b]0;title\\x07Net" in out and "k\\u202eey" in out


def test_errors_from_the_command_line_name_the_file_once(tmp_path, capsys):
    from nndesk.cli import main

    path = tmp_path / "x.npz"
    path.write_bytes(b"\xff")
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("x.npz") == 1 and err.startswith("nndesk: error: ")
    assert "too short to be a model file" in err


def test_predict_json_never_prints_nan(tmp_path, net, capsys):
    from PIL import Image

    from nndesk.cli import main

    path = save_model(tmp_path / "m.npz", net)
    arrays = _arrays(path)
    arrays["w/4.W"][:] = 3e38  # finite, but the output overflows: softmax gives NaN
    _rewrite(path, arrays)
    img = np.zeros((28, 28), np.uint8)
    img[6:22, 12:16] = 255
    Image.fromarray(img).save(tmp_path / "one.png")
    main(["predict", "--json", "--model", str(path), str(tmp_path / "one.png")])
    out = capsys.readouterr().out

    def no_constants(name):
        raise AssertionError(f"{name} in JSON output")

    result = json.loads(out, parse_constant=no_constants)
    assert result["label"] is None and "not a number" in result["error"]


assert mf.MAX_INFLATION < 32 << 20  # the bomb test above relies on 32 MB exceeding it


def test_info_json_is_strict_json_even_when_the_metadata_holds_nan(tmp_path, net, capsys):
    from nndesk.cli import main

    path = save_model(tmp_path / "m.npz", net, {"history": [{"val_loss": float("nan")}],
                                                "best": float("inf")})
    assert main(["info", "--json", str(path)]) == 0

    def no_constants(name):
        raise AssertionError(f"{name} in JSON output")

    info = json.loads(capsys.readouterr().out, parse_constant=no_constants)
    assert info["metadata"]["history"] == [{"val_loss": None}] and info["metadata"]["best"] is None
