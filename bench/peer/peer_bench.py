#!/usr/bin/env python3
"""PyTorch peer for `tutor bench --peer`: trains the same two models as the Java backend, on the same batches,
from the same initial weights, and reports milliseconds per step and the loss of every step as JSON.

Inputs come from the directory the Java side prepared (see manifest.json there):
  <model>-init.safetensors   initial parameters, in the tutor's layout (Linear weights stored [in, out])
  <model>-x.i32, <model>-y.i32  the batches, little-endian int32, one after another
Usage: peer_bench.py MODEL DIR   (MODEL: names | gpt)
"""
import json
import math
import os
import statistics
import struct
import sys
import time

import torch
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        begin, end = spec["data_offsets"]
        t = torch.frombuffer(bytearray(raw[base + begin:base + end]), dtype=torch.float32)
        out[name] = t.reshape(spec["shape"]).clone()
    return out


def read_i32(path):
    with open(path, "rb") as f:
        data = f.read()
    return torch.frombuffer(bytearray(data), dtype=torch.int32).long()


class Params(torch.nn.Module):
    """Holds the tutor's named parameters as PyTorch parameters (names with dots become underscores)."""

    def __init__(self, tensors):
        super().__init__()
        self.keys = list(tensors.keys())
        for k, v in tensors.items():
            self.register_parameter(k.replace(".", "_"), torch.nn.Parameter(v))

    def __getitem__(self, k):
        return getattr(self, k.replace(".", "_"))


def names_forward(p, x, cfg):
    b = x.shape[0]
    e = F.embedding(x, p["emb.weight"]).reshape(b, -1)
    h = torch.tanh(e @ p["hidden.weight"] + p["hidden.bias"])
    return h @ p["output.weight"] + p["output.bias"]


def sinusoid(t, d):
    pe = torch.zeros(t, d)
    pos = torch.arange(t, dtype=torch.float64).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float64) * (-math.log(10000.0) / d))
    pe[:, 0::2] = torch.sin(pos * div).float()
    pe[:, 1::2] = torch.cos(pos * div).float()
    return pe


def gpt_forward(p, x, cfg):
    b, t = x.shape
    d, heads, layers = cfg["dim"], cfg["heads"], cfg["layers"]
    hd = d // heads
    h = F.embedding(x, p["tokens.weight"]) + cfg["_pe"][:t]
    mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    for i in range(layers):
        pre = "blocks.%d." % i
        a = F.layer_norm(h, (d,), p[pre + "ln1.weight"], p[pre + "ln1.bias"], 1e-5)
        qkv = (a @ p[pre + "attn.qkv.weight"]).reshape(b, t, 3, heads, hd).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = (q @ k.transpose(-2, -1)) / math.sqrt(hd)
        att = att.masked_fill(mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).permute(0, 2, 1, 3).reshape(b, t, d)
        h = h + y @ p[pre + "attn.out.weight"]
        a = F.layer_norm(h, (d,), p[pre + "ln2.weight"], p[pre + "ln2.bias"], 1e-5)
        f = F.gelu(a @ p[pre + "fc.weight"] + p[pre + "fc.bias"])
        h = h + f @ p[pre + "proj.weight"] + p[pre + "proj.bias"]
    h = F.layer_norm(h, (d,), p["lnFinal.weight"], p["lnFinal.bias"], 1e-5)
    return h @ p["head.weight"] + p["head.bias"]


def blas_library():
    """The BLAS shared library this process loaded (after a matmul): OpenBLAS, or Debian's slow reference BLAS."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in os.path.basename(line.split()[-1]).lower()}
        libs = sorted(l for l in libs if l.startswith("/"))
        return ", ".join(libs) if libs else "none found"
    except OSError:
        return "unknown (no /proc/self/maps)"


def main():
    model, folder = sys.argv[1], sys.argv[2]
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    cfg = manifest[model]
    torch.manual_seed(0)
    threads = int(os.environ.get("PEER_THREADS", "2"))
    torch.set_num_threads(threads)
    params = Params(read_safetensors(os.path.join(folder, model + "-init.safetensors")))
    xs = read_i32(os.path.join(folder, model + "-x.i32"))
    ys = read_i32(os.path.join(folder, model + "-y.i32"))
    steps, batch = cfg["steps"], cfg["batch"]
    if model == "names":
        xs = xs.reshape(steps, batch, cfg["block"])
        ys = ys.reshape(steps, batch)
        forward = names_forward
    else:
        xs = xs.reshape(steps, batch, cfg["context"])
        ys = ys.reshape(steps, batch, cfg["context"])
        cfg["_pe"] = sinusoid(cfg["context"], cfg["dim"])
        forward = gpt_forward
    opt = torch.optim.AdamW(params.parameters(), lr=cfg["lr"])  # betas 0.9/0.999, eps 1e-8, weight decay 0.01
    losses, times = [], []
    for s in range(steps):
        t0 = time.perf_counter()
        logits = forward(params, xs[s], cfg)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), ys[s].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        value = loss.item()
        times.append(time.perf_counter() - t0)
        losses.append(value)
    warm = times[cfg.get("warmup", 5):] or times
    ms = statistics.median(warm) * 1000
    tokens = batch * (1 if model == "names" else cfg["context"])
    print(json.dumps({
        "model": model, "steps": steps, "ms_per_step": ms, "tokens_per_s": tokens / (ms / 1000),
        "losses": losses, "torch": torch.__version__, "threads": torch.get_num_threads(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                                 "MKL_NUM_THREADS")},
        "config": torch.__config__.show().splitlines()[:3],
        "blas": blas_library(),
    }))


if __name__ == "__main__":
    main()
