"""Generates the Chebyshev coefficients of Erfc.java (run with mpmath installed).

erfcx(x) = exp(x^2) erfc(x) is smooth and slowly varying on [0, inf). With the change of
variable t = (x - K) / (x + K), which maps [0, inf) onto [-1, 1), f(t) = erfcx(x(t)) has a
Chebyshev series whose coefficients fall below 1e-17 after N terms (Schonfelder, "Chebyshev
expansions for the error and related functions", Math. Comp. 32 (1978)). The coefficients are
computed here in 50-digit arithmetic by the discrete cosine transform at Chebyshev nodes and
printed as Java double literals.
"""
import mpmath as mp

mp.mp.dps = 50
K = 4
N = 24
M = N + 40  # nodes; more than N so aliasing stays far below double precision


def f(t):
    if t == 1:
        return mp.mpf(0)
    x = K * (1 + t) / (1 - t)
    return mp.erfc(x) * mp.exp(x * x)


nodes = [mp.cos(mp.pi * (j + mp.mpf(1) / 2) / M) for j in range(M)]
values = [f(t) for t in nodes]
for k in range(N):
    s = mp.fsum(values[j] * mp.cos(mp.pi * k * (j + mp.mpf(1) / 2) / M) for j in range(M))
    c = 2 * s / M
    if k == 0:
        c = c / 2  # Erfc.java sums c[0] + sum_k c[k] T_k(t)
    print("      %s," % repr(float(c)))
