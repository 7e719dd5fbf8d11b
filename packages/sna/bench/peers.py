# Times networkx or python-igraph on a benchmark edge list for run.ts (optional peers): one JSON line per measurement.
"""Usage:
  python3 peers.py --version LIB
  python3 peers.py TASK_JSON

TASK_JSON: {"lib": "igraph" | "networkx", "file": EDGES, "n": N, "directed": bool,
            "jobs": [measure, ...], "policy": {...}, "values": bool, "scaleRef": {file, n, m} | null}

EDGES holds one "n<u>\\tn<v>" line per tie (nodes 0..N-1). Before each measurement the runner
prints {"start": measure}; after it {"result": {...}}. The timing policy mirrors measure.ts:
median of 3 runs (1 when the first run exceeds longRunS); betweenness and closeness are
estimated from a sample of sources when a pilot predicts more than budgetS. Only the algorithm
is timed: graphs (and, for k-core and Louvain on a digraph, its undirected view) are built
before the clock starts; the "load" measurement times reading the file with the library's own
edge-list reader.
"""

import gc
import json
import math
import random
import sys
import time

L1_TOLERANCE = 1e-13  # cosafe's PageRank stopping rule: L1 change below 1e-13


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


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


class Measured:
    """The last value a timed function returned, for cross-checks."""

    def __init__(self, fn):
        self.fn = fn
        self.value = None

    def __call__(self):
        self.value = self.fn()
        return self.value


def sample(fn, calls):
    """Seconds per call of `calls` calls, and whether another process took the CPU meanwhile
    (CPU time short of wall time): as in measure.ts, a disturbed sample is taken again, up to
    three times in all, and the least disturbed kept."""
    best = None
    for _ in range(3):
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(calls):
            fn()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        busy = wall > 0.005 and cpu < 0.85 * wall
        if best is None or not busy or wall / calls < best[0]:
            best = (wall / calls, busy)
        if not best[1]:
            break
    return best


def measure_full(fn, policy):
    """As measureFull in measure.ts: median of 3 (1 when long), runs under 20 ms timed in
    batches of at least 30 ms; no warm-up calls (CPython has no JIT to warm up)."""
    gc.collect()
    first, first_busy = sample(fn, 1)
    if first > policy["longRunS"]:
        return {"seconds": first, "runs": 1, **({"busy": 1} if first_busy else {})}
    ts = [first] if first >= 0.25 else []
    busy = 1 if first >= 0.25 and first_busy else 0
    batch = max(1, math.ceil(0.03 / max(first, 1e-6))) if first < 0.02 else 1
    while len(ts) < 3:  # no collection between samples, as in measure.ts
        t, b = sample(fn, batch)
        ts.append(t)
        busy += b
    ts.sort()
    return {"seconds": ts[1], "runs": 3, **({"busy": busy} if busy else {})}


def pilot(n, some, order):
    """Batches of 2, 4, 8, … sources until one takes 0.2 s: (seconds per source, seconds per
    call), the first from the difference of the last two batches, as in measure.ts."""
    k, last = 2, 0.0
    while True:
        k = min(k, n)
        gc.collect()
        t = sample(lambda: some(order[:k]), 1)[0]
        if last > 0 and t > last:
            per = (t - last) / (k - k // 2)
            call = max(0.0, t - per * k)
        else:
            per, call = t / k, 0.0
        last = t
        if t >= 0.2 or k == n:
            return per, call
        k *= 2


def sample_once(n, some, order, size, per_call, what="sources"):
    size = min(n, size)
    gc.collect()
    t, busy = sample(lambda: some(order[:size]), 1)
    return {
        "seconds": per_call + max(0.0, t - per_call) * n / size,
        "runs": 0,
        **({"busy": 1} if busy else {}),
        "estimate": {
            "method": "sample",
            "sources": size,
            "detail": f"{fmt_int(size)} of {fmt_int(n)} {what} timed ({fmt_seconds(t)}) and scaled by n/k",
        },
    }


def measure_by_sources(n, full, some, order, policy, what="sources"):
    """Full runs within the budget, else k sources (or nodes) scaled by n/k."""
    per, call = pilot(n, some, order)
    if call + per * n <= policy["budgetS"]:
        return measure_full(full, policy)
    size = max(policy["minSample"], round(policy["sampleS"] / per))
    return sample_once(n, some, order, size, call, what)


def read_ties(path):
    ties = []
    with open(path) as f:
        for line in f:
            if line.strip():
                a, b = line.split("\t")
                ties.append((int(a[1:]), int(b[1:])))
    return ties


def membership_of(communities, n):
    m = [0] * n
    for c, nodes in enumerate(communities):
        for v in nodes:
            m[v] = c
    return m


def networkx_jobs(task, ties, order):
    import networkx as nx

    n, directed, policy, path = task["n"], task["directed"], task["policy"], task["file"]
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(ties)
    # k-core and Louvain read the undirected view (weight a_uv + a_vu), as cosafe does
    if directed:
        U = nx.Graph()
        U.add_nodes_from(range(n))
        for u, v in ties:
            if U.has_edge(u, v):
                U[u][v]["weight"] += 1
            else:
                U.add_edge(u, v, weight=1)
    else:
        U = G
    notes = {}
    try:
        import scipy  # noqa: F401  networkx's pagerank uses scipy when it is there

        def pr():
            return nx.pagerank(G, alpha=0.85, tol=L1_TOLERANCE / n, max_iter=10000)

    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        def pr():
            return _pagerank_python(G, alpha=0.85, tol=L1_TOLERANCE / n, max_iter=10000)

        notes["pagerank"] = "pure-Python PageRank (scipy not installed)"

    def bc_some(sources):
        # networkx's own sampling option: k random sources (it draws them itself, seeded)
        nx.betweenness_centrality(G, k=len(sources), normalized=False, seed=7)

    def cl_some(sources):
        for v in sources:
            nx.closeness_centrality(G, u=v, wf_improved=True)

    def components():
        return list(nx.strongly_connected_components(G) if directed else nx.connected_components(G))

    read_as = nx.DiGraph if directed else nx.Graph
    as_list = lambda d: [d[i] for i in range(n)]  # noqa: E731
    return {
        "load": (lambda: measure_full(lambda: nx.read_edgelist(path, delimiter="\t", create_using=read_as), policy), None),
        "betweenness": (
            lambda f: measure_by_sources(n, f, bc_some, order, policy),
            Measured(lambda: nx.betweenness_centrality(G, normalized=False)),
            as_list,
        ),
        "closeness": (
            lambda f: measure_by_sources(n, f, cl_some, order, policy),
            Measured(lambda: nx.closeness_centrality(G, wf_improved=True)),
            as_list,
        ),
        "pagerank": (None, Measured(pr), as_list),
        "eigenvector": (None, Measured(lambda: nx.eigenvector_centrality_numpy(G)), as_list),
        "louvain": (
            None,
            Measured(lambda: nx.community.louvain_communities(U, weight="weight", seed=1)),
            lambda cs: membership_of(cs, n),
        ),
        "kcore": (None, Measured(lambda: nx.core_number(nx.Graph(U) if directed else U)), as_list),
        "constraint": (
            # pure Python, hours on large graphs: estimated from a sample of nodes like the sweeps
            lambda f: measure_by_sources(
                n, f, lambda s: nx.constraint(G, nodes=s), order, policy, "nodes (the cost per node is heavy-tailed: rough)"
            ),
            Measured(lambda: nx.constraint(G)),
            as_list,
        ),
        "components": (None, Measured(components), None),
        "_notes": notes,
    }


def igraph_jobs(task, ties, order):
    import igraph as ig

    n, directed, policy, path = task["n"], task["directed"], task["policy"], task["file"]
    g = ig.Graph(n=n, edges=ties, directed=directed)
    if directed:
        U = g.copy()
        U.es["weight"] = 1
        U.to_undirected(mode="collapse", combine_edges="sum")
    else:
        U = g
    cl_mode = "in" if directed else "all"
    scale_ref = task.get("scaleRef")

    def bc_measure(f):
        # python-igraph 0.10 cannot run betweenness from a subset of sources: a pilot of BFS
        # searches (closeness of a few vertices) predicts the full run; beyond twice the budget
        # the time is scaled by n·m from a smaller graph of the same family
        per, _ = pilot(n, lambda s: g.closeness(vertices=s, mode="out"), order)
        predicted = 3 * per * n
        if predicted <= 2 * policy["budgetS"]:
            return measure_full(f, policy)
        if not scale_ref:
            return {"missing": "(skipped: over the budget; python-igraph has no subset betweenness)"}
        r = ig.Graph(n=scale_ref["n"], edges=read_ties(scale_ref["file"]), directed=directed)
        gc.collect()
        t = sample(lambda: r.betweenness(directed=directed), 1)[0]
        factor = (n * g.ecount()) / (scale_ref["n"] * r.ecount())
        return {
            "seconds": t * factor,
            "runs": 0,
            "estimate": {
                "method": "scaled",
                "sources": 0,
                "detail": f"python-igraph has no subset betweenness: scaled by n·m from the {fmt_int(scale_ref['n'])}-node "
                f"{scale_ref['title']} ({fmt_seconds(t)}, one run)",
            },
        }

    def louvain():
        random.seed(1)  # igraph draws from Python's random module: the same partition every call
        return U.community_multilevel(weights="weight" if directed else None).membership

    def components():
        return g.connected_components(mode="strong" if directed else "weak")

    return {
        "load": (lambda: measure_full(lambda: ig.Graph.Read_Ncol(path, names=True, weights=False, directed=directed), policy), None),
        "betweenness": (bc_measure, Measured(lambda: g.betweenness(directed=directed)), list),
        "closeness": (
            lambda f: measure_by_sources(n, f, lambda s: g.closeness(vertices=s, mode=cl_mode), order, policy),
            Measured(lambda: g.closeness(mode=cl_mode)),
            list,
        ),
        "pagerank": (None, Measured(lambda: g.pagerank(damping=0.85, directed=directed)), list),
        "eigenvector": (None, Measured(lambda: g.eigenvector_centrality(directed=directed, scale=False)), list),
        "louvain": (None, Measured(louvain), list),
        "kcore": (None, Measured(lambda: U.coreness()), list),
        "constraint": (None, Measured(lambda: g.constraint()), list),
        "components": (None, Measured(components), None),
        "_notes": {},
    }


def run(task):
    lib = task["lib"]
    n, policy = task["n"], task["policy"]
    ties = read_ties(task["file"])
    order = list(range(n))
    random.Random(7).shuffle(order)
    jobs = (networkx_jobs if lib == "networkx" else igraph_jobs)(task, ties, order)
    notes = jobs.pop("_notes")
    for measure in task["jobs"]:
        emit({"start": measure})
        job = jobs.get(measure)
        out = {"measure": measure}
        if job is None:
            out["cell"] = {"missing": "(none)"}
        elif measure == "load":
            try:
                out["cell"] = job[0]()
            except Exception as e:  # noqa: BLE001  any failure of a peer is reported, not raised
                out["cell"] = {"missing": f"error: {type(e).__name__}: {e}"[:120]}
        else:
            how, fn, convert = job
            try:
                out["cell"] = how(fn) if how else measure_full(fn, policy)
                want = convert is not None and (task["values"] or measure == "louvain")
                if (want or measure == "components") and fn.value is None:
                    fn()  # an estimate ran only part of the work: one full run for the values
                if want:
                    out["membership" if measure == "louvain" else "values"] = [float(x) for x in convert(fn.value)]
                if measure == "components":
                    out["count"] = len(fn.value)
            except Exception as e:  # noqa: BLE001
                out["cell"] = {"missing": f"error: {type(e).__name__}: {e}"[:120]}
        if measure in notes:
            out["note"] = notes[measure]
        emit({"result": out})


def version(lib):
    if lib == "networkx":
        import networkx as mod
    else:
        import igraph as mod
    extra = ""
    if lib == "networkx":
        try:
            import scipy

            extra = f"scipy {scipy.__version__}"
        except ImportError:
            extra = "no scipy"
    print(json.dumps({"version": mod.__version__, "python": sys.version.split()[0], "extra": extra}))


if __name__ == "__main__":
    if sys.argv[1] == "--version":
        version(sys.argv[2])
    else:
        run(json.loads(sys.argv[1]))
