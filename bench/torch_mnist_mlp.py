#!/usr/bin/env python3
"""mnist-mlp in PyTorch: the workload of backprop's end-to-end benchmark, for comparison.

Same shapes, distributions and training as io.github.backprop.bench.MnistMlp (the values
differ, since the generators differ): 60000 rows of 784 inputs uniform in [0, 1) from a fixed
seed, labels the argmax of the inputs times a fixed standard-normal 784x10 matrix; a
784-256-128-10 relu/relu network whose logits go to cross-entropy (torch fuses softmax into
the loss, as backprop fuses softmax + cross_entropy); plain SGD, learning rate 0.05, batches
of 64 in data order. One warm-up epoch, then the timed ones.

Usage: OMP_WAIT_POLICY=PASSIVE python3 torch_mnist_mlp.py --dtype float64 --threads 1 --epochs 2
The last line printed is JSON, as the Java benchmark prints.
"""
import argparse
import json
import statistics
import time

import torch

SAMPLES, INPUTS, CLASSES = 60000, 784, 10
BATCH_SIZE, LEARNING_RATE = 64, 0.05
DATA_SEED, NETWORK_SEED = 20240601, 1


def data(dtype):
    g = torch.Generator().manual_seed(DATA_SEED)
    r = torch.randn(INPUTS, CLASSES, generator=g, dtype=dtype)
    x = torch.rand(SAMPLES, INPUTS, generator=g, dtype=dtype)
    labels = torch.argmax(x @ r, dim=1)
    return x, labels


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--epochs", type=int, default=2, help="timed epochs after one warm-up")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    x, labels = data(dtype)
    torch.manual_seed(NETWORK_SEED)
    model = torch.nn.Sequential(
        torch.nn.Linear(INPUTS, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, CLASSES)).to(dtype)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    loss_fn = torch.nn.CrossEntropyLoss()

    ms = []
    for epoch in range(1, args.epochs + 2):
        start = time.perf_counter()
        total = 0.0
        for i in range(0, SAMPLES, BATCH_SIZE):
            xb, yb = x[i:i + BATCH_SIZE], labels[i:i + BATCH_SIZE]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(yb)
        ms.append((time.perf_counter() - start) * 1000)
        print(f"epoch {epoch}{' (warm-up)' if epoch == 1 else ''}: {ms[-1]:.1f} ms, "
              f"loss {total / SAMPLES:.5f}", flush=True)
    timed = ms[1:]
    print(json.dumps({
        "workload": "mnist-mlp", "library": "pytorch-" + torch.__version__.split("a")[0],
        "dtype": args.dtype, "threads": args.threads,
        "msPerEpoch": [round(t, 1) for t in timed],
        "samplesPerSecond": round(SAMPLES / statistics.median(timed) * 1000, 1)}))


if __name__ == "__main__":
    main()
