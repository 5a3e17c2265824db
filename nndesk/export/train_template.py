"""Train the exported network on MNIST with PyTorch, with the settings it had in nndesk.

    python train.py                              # CPU or the GPU, from weights.pt
    python train.py --from-scratch --epochs 20   # new random weights
    torchrun --nproc_per_node 4 train.py         # DistributedDataParallel, one process per GPU
    torchrun --nnodes 2 --node_rank R --master_addr HOST --nproc_per_node 4 train.py  # 2 machines
    tensorboard --logdir runs                    # the curves (the same tags as nndesk's)

Written by `nndesk export --to pytorch`. Differences from nndesk: the optimizers are torch's
(same update rules, torch's forms of momentum/Nesterov), BatchNorm's running variance uses
torch's unbiased estimate, and augmentation is sampled by torch, not NumPy. Under torchrun the
batch size is per process: the global batch is nproc x batch_size.
"""

import argparse  # noqa: I001 (the template: model.py is local, not third-party)
import gzip
import math
import os
import time
import urllib.request
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

from model import LOSS, Net

HERE = Path(__file__).resolve().parent

# The run's settings in nndesk (its model file's metadata `config`).
SETTINGS = {
    # @SETTINGS@
}

FILES = {"x_train": "train-images-idx3-ubyte", "t_train": "train-labels-idx1-ubyte",
         "x_test": "t10k-images-idx3-ubyte", "t_test": "t10k-labels-idx1-ubyte"}
MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", default=os.environ.get("NNDESK_DATA_DIR", str(HERE / "mnist")),
                   help="folder with the MNIST IDX files (.gz or raw)")
    p.add_argument("--download", action="store_true", help="fetch missing files into --data-dir")
    p.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    p.add_argument("--batch-size", type=int, default=SETTINGS["batch_size"],
                   help="images per step and process")
    p.add_argument("--lr", type=float, default=SETTINGS["lr"])
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: off)")
    p.add_argument("--limit", type=int, default=0, help="use the first N training images only")
    p.add_argument("--eval-limit", type=int, default=0,
                   help="measure on the first N validation/test images only (0: all)")
    p.add_argument("--weights", default=str(HERE / "weights.pt"), help="weights to start from")
    p.add_argument("--from-scratch", action="store_true", help="random weights instead")
    p.add_argument("--out", default=str(HERE / "trained.pt"),
                   help="where to save the state_dict (`nndesk import` reads it)")
    p.add_argument("--save-every-rank", action="store_true",
                   help="each process saves OUT.rankR.pt too (to check they agree)")
    p.add_argument("--logdir", default=str(HERE / "runs"), help="TensorBoard folder ('' for none)")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    return p.parse_args()


def read_idx(path):
    """An IDX file (MNIST's format), raw or gzip, as a NumPy array."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def find(folder, name):
    return next((p for p in (folder / name, folder / f"{name}.gz") if p.is_file()), None)


def download(folder):
    """Fetch the missing MNIST files (one process does it: see main)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES.values():
        if find(folder, name) is None:
            tmp = folder / f"{name}.gz.part"
            urllib.request.urlretrieve(f"{MIRROR}{name}.gz", tmp)
            os.replace(tmp, folder / f"{name}.gz")


def load_mnist(folder):
    """Images (N, 1, 28, 28) float32 in [0, 1] and int64 labels, as nndesk loads them."""
    folder = Path(folder)
    out = {}
    for key, name in FILES.items():
        path = find(folder, name)
        if path is None:
            raise SystemExit(f"{name}(.gz) not in {folder}; add --download or --data-dir DIR")
        array = read_idx(path)
        out[key] = (array.reshape(-1, 1, 28, 28).astype(np.float32) / 255 if key[0] == "x"
                    else array.astype(np.int64))
    # nndesk's validation split: the same images, chosen by seed 0
    perm = np.random.default_rng(0).permutation(len(out["x_train"]))
    val, train = np.sort(perm[:SETTINGS["val_split"]]), np.sort(perm[SETTINGS["val_split"]:])
    out["x_val"], out["t_val"] = out["x_train"][val], out["t_train"][val]
    out["x_train"], out["t_train"] = out["x_train"][train], out["t_train"][train]
    return {k: torch.from_numpy(v) for k, v in out.items()}


def augment(x, gen):
    """nndesk's augmentation in torch: random shift (+-2 px), rotation (+-12 deg), scale
    (+-12%), shear (+-0.15), then a pen thickness change (+-0.6 toward dilation/erosion)."""
    n, _, h, _ = x.shape

    def u(lo, hi, *shape):  # uniform in [lo, hi)
        return torch.rand(*shape, generator=gen) * (hi - lo) + lo

    angle, zoom = torch.deg2rad(u(-12, 12, n)), 1 + u(-0.12, 0.12, n)
    shear, shift = u(-0.15, 0.15, n), u(-2, 2, n, 2) / ((h - 1) / 2)   # (dy, dx), normalized
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    a, b, c, d = cos, -sin, sin + shear * cos, cos - shear * sin      # inverse map, (y, x)
    theta = torch.stack([torch.stack([d, c, -(d * shift[:, 1] + c * shift[:, 0])], 1),
                         torch.stack([b, a, -(b * shift[:, 1] + a * shift[:, 0])], 1)], 1)
    grid = F.affine_grid(theta.to(x), list(x.shape), align_corners=True)
    x = F.grid_sample(x, grid, padding_mode="zeros", align_corners=True)
    p = F.pad(x, (1, 1, 1, 1))
    near = torch.stack([p[..., :-2, 1:-1], p[..., 2:, 1:-1], p[..., 1:-1, :-2],
                        p[..., 1:-1, 2:]])
    dil, ero = torch.maximum(near.amax(0), x), torch.minimum(near.amin(0), x)
    amount = u(-0.6, 0.6, n).to(x).view(n, 1, 1, 1)
    return torch.where(amount > 0, x + amount * (dil - x), x - amount * (ero - x))


def lr_at(step, steps_per_epoch, epochs):
    """nndesk's schedule (constant, step or cosine, with linear warm-up) as a factor of lr."""
    s = SETTINGS
    if s["schedule"] == "step":
        factor = s["gamma"] ** ((step // steps_per_epoch) // max(1, s["step_size"]))
    elif s["schedule"] == "cosine":
        total = max(1, steps_per_epoch * epochs)
        factor = 0.5 * (1 + math.cos(math.pi * min(step, total) / total))
    else:
        factor = 1.0
    warmup = s["warmup_epochs"] * steps_per_epoch
    return factor * min(1.0, (step + 1) / warmup) if warmup > 0 else factor


def make_optimizer(model, lr):
    """nndesk's optimizer; weight decay (the book's L2) on weights only, as in nndesk."""
    s = SETTINGS
    weights = [p for n, p in model.named_parameters() if n.endswith("weight") and p.dim() > 1]
    others = [p for n, p in model.named_parameters() if not (n.endswith("weight")
                                                               and p.dim() > 1)]
    groups = [{"params": weights, "weight_decay": s["weight_decay"]},
              {"params": others, "weight_decay": 0.0}]
    name = s["optimizer"].lower()
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(groups, lr=lr, momentum=s["momentum"],
                               nesterov=name == "nesterov")
    if name == "adagrad":
        return torch.optim.Adagrad(groups, lr=lr, eps=1e-7)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=lr, alpha=0.99, eps=1e-7)
    return torch.optim.Adam(groups, lr=lr, betas=(0.9, 0.999), eps=1e-8)


def loss_fn(scores, t):
    if LOSS == "mse":  # nndesk's 0.5 * squared error, summed over classes, mean over the batch
        return 0.5 * ((scores - F.one_hot(t, scores.shape[1]).to(scores)) ** 2).sum(1).mean()
    return F.cross_entropy(scores, t)


def evaluate(model, x, t, device, batch=500):
    """(loss, accuracy) over every image, in evaluation mode."""
    model.eval()
    total, right = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            scores = model(x[i:i + batch].to(device))
            total += loss_fn(scores, t[i:i + batch].to(device)).item() * len(scores)
            right += (scores.argmax(1).cpu() == t[i:i + batch]).sum().item()
    model.train()
    return total / max(1, len(x)), right / max(1, len(x))


def average_buffers(model, world):
    """DDP keeps the weights equal; BatchNorm's running averages are each process's own.
    Average them, so every process ends with the same model."""
    for buf in model.buffers():
        if buf.is_floating_point():
            dist.all_reduce(buf)
            buf /= world


def save(state, path):
    """torch.save to a temp file, then rename: never a half-written file."""
    tmp = Path(f"{path}.tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def open_log(logdir):
    if not logdir:
        return None
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:  # torch's writer needs the tensorboard package; tensorboardX will do
        try:
            from tensorboardX import SummaryWriter
        except ImportError:
            print("no TensorBoard writer: pip install tensorboard (or tensorboardX)")
            return None
    return SummaryWriter(logdir)


def main():
    args = parse_args()
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    rank, world = 0, 1
    device = torch.device(args.device)
    if distributed:
        rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0)))
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    torch.manual_seed(SETTINGS["seed"])          # the same initial weights in every process
    if args.download and rank == 0:
        download(args.data_dir)
    if distributed:
        dist.barrier()                           # the others wait for the download
    data = load_mnist(args.data_dir)
    x, t = data["x_train"], data["t_train"]
    if args.limit:
        x, t = x[:args.limit], t[:args.limit]
    model = Net().to(device)
    if not args.from_scratch:
        model.load_state_dict(torch.load(args.weights, map_location=device, weights_only=True))
    net = DistributedDataParallel(model) if distributed else model
    optimizer = make_optimizer(model, args.lr)
    steps_per_epoch = max(1, len(x) // world // args.batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: lr_at(step, steps_per_epoch, args.epochs))
    gen = torch.Generator().manual_seed(SETTINGS["seed"] + 1000 * rank)
    log = open_log(args.logdir) if rank == 0 else None
    step, start = 0, time.time()
    n_eval = args.eval_limit or None
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(x), generator=torch.Generator().manual_seed(
            SETTINGS["seed"] + epoch))[rank::world]   # this process's share of the epoch
        net.train()
        losses = []
        for b in range(steps_per_epoch):
            idx = order[b * args.batch_size:(b + 1) * args.batch_size]
            xb, tb = x[idx], t[idx]
            if SETTINGS["augment"]:
                xb = augment(xb, gen)
            loss = loss_fn(net(xb.to(device)), tb.to(device))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            losses.append(loss.item())
            if log is not None:
                log.add_scalar("batch/loss", losses[-1], step)
                log.add_scalar("batch/lr", optimizer.param_groups[0]["lr"], step)
            if args.max_steps and step >= args.max_steps:
                break
        if distributed:
            average_buffers(model, world)
        if rank == 0:
            val_loss, val_acc = evaluate(model, data["x_val"][:n_eval], data["t_val"][:n_eval],
                                         device)
            print(f"epoch {epoch}  step {step}  loss {np.mean(losses):.4f}  "
                  f"val {val_acc:.2%}  {time.time() - start:.0f} s", flush=True)
            if log is not None:
                for tag, value in (("epoch/train_loss", np.mean(losses)),
                                   ("epoch/val_loss", val_loss), ("epoch/val_acc", val_acc)):
                    log.add_scalar(tag, value, epoch)
            save(model.state_dict(), args.out)
        if args.max_steps and step >= args.max_steps:
            break
    if rank == 0:
        _, test_acc = evaluate(model, data["x_test"][:n_eval], data["t_test"][:n_eval], device)
        print(f"test accuracy {test_acc:.2%} on {min(len(data['x_test']), n_eval or 10**9):,} "
              f"images; saved {args.out}", flush=True)
        if log is not None:
            log.add_scalar("epoch/test_acc", test_acc, epoch)
            log.close()
    if args.save_every_rank:
        save(model.state_dict(), f"{Path(args.out).with_suffix('')}.rank{rank}.pt")
    if distributed:
        total = sum(p.double().sum().item() for p in model.parameters())
        print(f"rank {rank}: {step} steps, sum of weights {total:.10f}", flush=True)
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
