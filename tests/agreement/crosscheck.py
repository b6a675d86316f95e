# Cross-check helper for test_crosscheck.cpp: computes agreement coefficients with independent
# implementations from Debian's packages (NLTK, scikit-learn, statsmodels) for the jobs in argv[1]
# and writes the results as JSON to argv[2]. Exit code 3 (with a message) when a module is missing.
import json
import math
import sys

try:
    import numpy as np
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance, interval_distance
    from sklearn.metrics import cohen_kappa_score
    from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa
except ImportError as e:  # the C++ test turns this into a WARN and skips
    print("missing module: %s" % e)
    sys.exit(3)


def ratio_distance(a, b):
    return ((a - b) / (a + b)) ** 2 if a + b != 0 else 0.0


def clean(x):
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def safe(f):
    try:
        return clean(f())
    except ZeroDivisionError:
        return None


def ratings_job(job):
    rows = job["ratings"]
    m = len(rows[0])
    out = {}
    level = job.get("level", "nominal")
    dist = {"nominal": binary_distance, "interval": interval_distance, "ratio": ratio_distance}[level]
    triples = [(str(c), str(u), v) for u, row in enumerate(rows) for c, v in enumerate(row) if v is not None]
    task = AnnotationTask(data=triples, distance=dist)
    out["nltk_alpha"] = safe(task.alpha)
    complete = all(v is not None for row in rows for v in row)
    if m == 2 and complete:
        a = [r[0] for r in rows]
        b = [r[1] for r in rows]
        out["sklearn_kappa"] = clean(cohen_kappa_score(a, b))
        nominal = AnnotationTask(data=[(str(c), str(u), str(v)) for c, u, v in triples])
        out["nltk_kappa"] = safe(nominal.kappa)
        out["nltk_pi"] = safe(nominal.pi)
        out["nltk_S"] = safe(nominal.S)
        cats = sorted(set(a) | set(b))
        idx = {c: i for i, c in enumerate(cats)}
        table = np.zeros((len(cats), len(cats)))
        for x, y in zip(a, b):
            table[idx[x], idx[y]] += 1
        res = cohens_kappa(table)
        out["statsmodels_kappa"] = clean(res.kappa)
        out["statsmodels_se"] = clean(res.std_kappa)
        out["statsmodels_se0"] = clean(res.std_kappa0)
    if complete:
        table, _ = aggregate_raters(np.array(rows, dtype=float))
        out["statsmodels_fleiss"] = clean(fleiss_kappa(table, method="fleiss"))
        out["statsmodels_randolph"] = clean(fleiss_kappa(table, method="randolph"))
        out["categories"] = int(table.shape[1])
    return out


def chars_job(job):
    n = job["length"]
    va = [0] * n
    vb = [0] * n
    for s, e in job["a"]:
        for i in range(s, e):
            va[i] = 1
    for s, e in job["b"]:
        for i in range(s, e):
            vb[i] = 1
    out = {"both": sum(1 for x, y in zip(va, vb) if x and y), "only_a": sum(1 for x, y in zip(va, vb) if x and not y),
           "only_b": sum(1 for x, y in zip(va, vb) if y and not x)}
    if len(set(va) | set(vb)) > 1:
        out["sklearn_kappa"] = clean(cohen_kappa_score(va, vb))
        task = AnnotationTask(data=[("a", str(i), va[i]) for i in range(n)] + [("b", str(i), vb[i]) for i in range(n)])
        out["nltk_alpha"] = safe(task.alpha)
    return out


def main():
    jobs = json.load(open(sys.argv[1]))
    results = [ratings_job(j) if j["kind"] == "ratings" else chars_job(j) for j in jobs]
    json.dump(results, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
