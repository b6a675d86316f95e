# Reference for bench_agreement: times NLTK's AnnotationTask (kappa + alpha) on per-character units
# of the (code, document) cells in argv[1]; writes values and seconds to argv[2]. Run by /usr/bin/python3.
import json
import sys
import time

from nltk.metrics.agreement import AnnotationTask

jobs = json.load(open(sys.argv[1]))
data = []
for j in jobs:
    va = [0] * j["length"]
    vb = [0] * j["length"]
    for s, e in j["a"]:
        va[s:e] = [1] * (e - s)
    for s, e in j["b"]:
        vb[s:e] = [1] * (e - s)
    data.append([("a", i, va[i]) for i in range(j["length"])] + [("b", i, vb[i]) for i in range(j["length"])])
kappa, alpha = [], []
t0 = time.perf_counter()
for triples in data:
    task = AnnotationTask(data=triples)
    kappa.append(task.kappa())
    alpha.append(task.alpha())
seconds = time.perf_counter() - t0
json.dump({"kappa": kappa, "alpha": alpha, "seconds": seconds}, open(sys.argv[2], "w"))
