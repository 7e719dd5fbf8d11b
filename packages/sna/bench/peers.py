# Times networkx or python-igraph on the benchmark's edge lists for run.ts (optional peers; prints one JSON object).
"""Usage:
  python3 peers.py LIB graph EDGES N BUDGET_S LONG_S SAMPLE_S MIN_SAMPLE [--values]
  python3 peers.py LIB csv CSVFILE

LIB is networkx or igraph. EDGES holds one "u v" line per tie (nodes 0..N-1). The timing
policy mirrors measure.ts: median of 3 runs (1 when the first run exceeds LONG_S); betweenness
and closeness are estimated from a sample of sources when a pilot predicts more than BUDGET_S.
"""

import gc
import json
import math
import random
import sys
import time

L1_TOLERANCE = 1e-13  # cosafe's PageRank stopping rule: L1 change below 1e-13


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def fmt_int(x):
    return f"{int(round(x)):,}"


def fmt_seconds(s):
    """As fmtSeconds in measure.ts: 0.412 ms, 12.3 ms, 4.56 s, 2,020 s."""
    if s < 1:
        ms = s * 1000
        return f"{round(ms)} ms" if ms >= 100 else f"{float(f'{ms:.3g}'):g} ms"
    if s < 100:
        return f"{float(f'{s:.3g}'):g} s"
    return f"{fmt_int(float(f'{s:.3g}'))} s"


def measure_full(fn, long_s):
    gc.collect()
    first = timed(fn)
    if first > long_s:
        return {"seconds": first, "runs": 1}
    ts = [first]
    while len(ts) < 3:
        gc.collect()
        ts.append(timed(fn))
    ts.sort()
    return {"seconds": ts[1], "runs": 3}


def measure_by_sources(n, full, some, order, budget_s, long_s, sample_s, min_sample):
    """Pilot on 1, 2, 4, … sources; full runs within the budget, else k sources scaled by n/k."""
    k = 1
    while True:
        k = min(k, n)
        gc.collect()
        t = timed(lambda: some(order[:k]))
        per = t / k
        if t >= 0.2 or k == n:
            break
        k *= 2
    if per * n <= budget_s:
        return measure_full(full, long_s)
    size = min(n, max(min_sample, round(sample_s / per)))
    gc.collect()
    t = timed(lambda: some(order[:size]))
    return {
        "seconds": t * n / size,
        "runs": 0,
        "estimate": {
            "method": "sample",
            "detail": f"{fmt_int(size)} of {fmt_int(n)} sources timed ({fmt_seconds(t)}) and scaled by n/k",
        },
    }


def guarded(fn):
    """A measurement, or {"missing": "error: …"} when the peer fails (the benchmark goes on)."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001  any failure of a peer is reported, not raised
        return {"missing": f"error: {type(e).__name__}: {e}"[:120]}


def read_edges(path):
    with open(path) as f:
        return [tuple(map(int, line.split())) for line in f if line.strip()]


def run_networkx(n, edges, policy, values):
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    order = list(range(n))
    random.Random(7).shuffle(order)
    budget_s, long_s, sample_s, min_sample = policy

    def bc_full():
        return nx.betweenness_centrality(G, normalized=False)

    def bc_some(sources):
        # networkx's own sampling option: k random sources (it draws them itself, seeded)
        nx.betweenness_centrality(G, k=len(sources), normalized=False, seed=7)

    def cl_full():
        return nx.closeness_centrality(G, wf_improved=True)

    def cl_some(sources):
        for v in sources:
            nx.closeness_centrality(G, u=v, wf_improved=True)

    notes = {}
    try:
        import scipy  # noqa: F401  networkx's pagerank and constraint use scipy when it is there

        def pr():
            return nx.pagerank(G, alpha=0.85, tol=L1_TOLERANCE / n, max_iter=10000)

    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        def pr():
            return _pagerank_python(G, alpha=0.85, tol=L1_TOLERANCE / n, max_iter=10000)

        notes["pagerank"] = "pure-Python PageRank and constraint (scipy not installed)"

    def sweep(full, some):
        return lambda: measure_by_sources(n, full, some, order, budget_s, long_s, sample_s, min_sample)

    tasks = {
        "betweenness": sweep(bc_full, bc_some),
        "closeness": sweep(cl_full, cl_some),
        "pagerank": lambda: measure_full(pr, long_s),
        "kcore": lambda: measure_full(lambda: nx.core_number(G), long_s),
        "constraint": lambda: measure_full(lambda: nx.constraint(G), long_s),
    }
    out = {name: guarded(task) for name, task in tasks.items()}
    for name, note in notes.items():
        out[name]["note"] = note
    vals = None
    if values:
        bc, cl, p, core, cons = bc_full(), cl_full(), pr(), nx.core_number(G), nx.constraint(G)
        vals = {
            "betweenness": [bc[i] for i in range(n)],
            "closeness": [cl[i] for i in range(n)],
            "pagerank": [p[i] for i in range(n)],
            "kcore": [core[i] for i in range(n)],
            "constraint": [cons[i] for i in range(n)],
        }
    return out, vals


def run_igraph(n, edges, policy, values):
    import igraph as ig

    g = ig.Graph(n=n, edges=edges, directed=False)
    order = list(range(n))
    random.Random(7).shuffle(order)
    budget_s, long_s, sample_s, min_sample = policy

    def sweep(full, some):
        return lambda: measure_by_sources(n, full, some, order, budget_s, long_s, sample_s, min_sample)

    tasks = {
        "betweenness": sweep(
            lambda: g.betweenness(directed=False),
            lambda s: g.betweenness(directed=False, sources=s),
        ),
        "closeness": sweep(lambda: g.closeness(), lambda s: g.closeness(vertices=s)),
        "pagerank": lambda: measure_full(lambda: g.pagerank(damping=0.85, directed=False), long_s),
        "kcore": lambda: measure_full(lambda: g.coreness(), long_s),
        "constraint": lambda: measure_full(lambda: g.constraint(), long_s),
    }
    out = {name: guarded(task) for name, task in tasks.items()}
    vals = None
    if values:
        vals = {
            "betweenness": g.betweenness(directed=False),
            "closeness": g.closeness(),
            "pagerank": g.pagerank(damping=0.85, directed=False),
            "kcore": g.coreness(),
            "constraint": g.constraint(),
        }
    return out, vals


def run_csv(lib, path):
    with open(path) as f:
        text = f.read()
    if lib == "networkx":
        import networkx as nx

        def read():
            lines = text.splitlines()[1:]
            return nx.parse_edgelist(lines, delimiter=",", nodetype=str, data=False)

    else:
        import igraph as ig

        def read():
            lines = text.splitlines()[1:]
            return ig.Graph.TupleList((line.split(",") for line in lines), directed=False)

    return {"csv": measure_full(read, math.inf)}


def main(argv):
    lib, mode = argv[1], argv[2]
    if lib == "networkx":
        import networkx

        version = networkx.__version__
    else:
        import igraph

        version = igraph.__version__
    result = {"lib": lib, "version": version, "python": sys.version.split()[0]}
    if mode == "csv":
        result["timings"] = run_csv(lib, argv[3])
    else:
        n = int(argv[4])
        policy = (float(argv[5]), float(argv[6]), float(argv[7]), int(argv[8]))
        edges = read_edges(argv[3])
        runner = run_networkx if lib == "networkx" else run_igraph
        timings, vals = runner(n, edges, policy, "--values" in argv)
        result["timings"] = timings
        if vals is not None:
            result["values"] = vals
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
