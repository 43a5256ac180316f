"""Bench-only hook: a per-group memory trace of the streaming workers (session 15, mem15).

    MEM15_TRACE=/tmp/x/tr PYTHONPATH=bench/memtrace:src python bench/bench_scale.py full 3000 --fast --workers 2

Python imports ``sitecustomize`` at start-up in every process, workers included (spawn). With
MEM15_TRACE set, it wraps ``streaming.workers._run_in_worker`` and, after each group, runs a gc and
malloc_trim (so the figures are what the next group starts from; this changes the run's memory a
little, never its output) and appends one JSON line to MEM15_TRACE.<pid>.jsonl: RSS/PSS, glibc's
mallinfo2, pymalloc's arenas, spaCy's StringStore and Vocab sizes, lru_cache sizes, the parser's and
encoder's caches. MEM15_TRACEMALLOC=1 (with MEM15_FRAMES=n) adds tracemalloc diffs, group against the
second group, in MEM15_TRACE.tm-<pid>-<k>.txt (about 3x slower). Without MEM15_TRACE it does nothing.
"""
import os
if os.environ.get("MEM15_TRACE"):
    import functools, sys, time, gc, ctypes
    OUT = os.environ["MEM15_TRACE"]

    class _MI(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in
                    ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
    _libc = ctypes.CDLL("libc.so.6")
    _libc.mallinfo2.restype = _MI

    def _status():
        d = {}
        for line in open("/proc/self/status"):
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                d[k] = int(v.split()[0]) // 1024
        for line in open("/proc/self/smaps_rollup"):
            k, _, v = line.partition(":")
            if k in ("Pss", "Pss_Anon"):
                d[k] = int(v.split()[0]) // 1024
        return d

    def _caches():
        out = {}
        tot = 0
        for name, mod in list(sys.modules.items()):
            if not name.startswith("storytrace") or mod is None:
                continue
            for a, obj in list(vars(mod).items()):
                ci = getattr(obj, "cache_info", None)
                if callable(ci):
                    try:
                        n = ci().currsize
                    except Exception:
                        continue
                    out[f"{name.split('.')[-1]}.{a}"] = n
                    tot += n
        return tot, out

    def _install():
        import storytrace.streaming.workers as W
        orig = W._run_in_worker
        state = {"k": 0, "snap0": None}

        @functools.wraps(orig)
        def _run_in_worker(tasks):
            k = state["k"]; state["k"] += 1
            nart = sum(len(t.members) for t in tasks)
            s0 = _status(); c0 = time.process_time()
            res = orig(tasks)
            c1 = time.process_time()
            s1 = _status()
            # retained after the group: what the next group's release leaves
            gc.collect(); _libc.malloc_trim(0)
            s2 = _status()
            mi = _libc.mallinfo2()
            models = W._WORKER["models"]
            strings = lex = -1
            try:
                nlp = models._extractor.nlp
                strings = len(nlp.vocab.strings); lex = len(nlp.vocab)
            except Exception:
                pass
            emb = len(models._embedder._cache) if models._embedder is not None else -1
            from storytrace.nlp import parsed
            from storytrace.similarity import docvec
            tot, caches = _caches()
            rec = dict(pid=os.getpid(), k=k, nart=nart, cpu=round(c1 - c0, 1),
                       rss_before=s0["VmRSS"], rss_after=s1["VmRSS"], rss_trim=s2["VmRSS"], hwm=s1["VmHWM"],
                       pss_trim=s2["Pss"], anon_trim=s2["RssAnon"],
                       m_arena=mi.arena >> 20, m_mmap=mi.hblkhd >> 20, m_used=mi.uordblks >> 20, m_free=mi.fordblks >> 20,
                       strings=strings, lexemes=lex, emb_cache=emb, kept_views=len(parsed._KEPT),
                       docvec=len(getattr(docvec, "_cache", ())), lru_total=tot, gc_objs=len(gc.get_objects()))
            if os.environ.get("MEM15_TRACEMALLOC"):
                import tracemalloc
                if not tracemalloc.is_tracing():
                    tracemalloc.start(int(os.environ.get('MEM15_FRAMES','1')))
                else:
                    rec["tm_total"] = tracemalloc.get_traced_memory()[0] >> 20
                    snap = tracemalloc.take_snapshot()
                    if state["snap0"] is None:
                        state["snap0"] = snap
                    else:
                        with open(f"{OUT}.tm-{os.getpid()}-{k}.txt", "w") as f:
                            for st in snap.compare_to(state["snap0"], "lineno")[:40]:
                                f.write(f"{st}\n")
                            f.write("--- by file\n")
                            for st in snap.compare_to(state["snap0"], "filename")[:25]:
                                f.write(f"{st}\n")
                            f.write("--- tracebacks\n")
                            for st in snap.compare_to(state["snap0"], "traceback")[:12]:
                                f.write(f"{st}\n")
                                for line in st.traceback.format()[-10:]:
                                    f.write(f"    {line}\n")
                            f.write("--- top by size\n")
                            for st in snap.statistics("lineno")[:40]:
                                f.write(f"{st}\n")
            try:
                import tempfile, re as _re
                with tempfile.TemporaryFile(mode="w+") as tf:
                    sys.stderr.flush(); saved = os.dup(2); os.dup2(tf.fileno(), 2)
                    try:
                        sys._debugmallocstats()
                    finally:
                        os.dup2(saved, 2); os.close(saved)
                    tf.seek(0); txt = tf.read()
                def _num(label):
                    m = _re.search(_re.escape(label) + r"\s*=\s*([\d,]+)", txt)
                    return int(m.group(1).replace(",", "")) if m else -1
                rec["py_arenas"] = _num("# arenas allocated current")
                rec["py_arena_mb"] = _num("# bytes in allocated blocks") >> 20
                rec["py_avail_mb"] = _num("# bytes in available blocks") >> 20
                rec["py_unused_pools_mb"] = (_num("# unused pools") * 16384) >> 20
                rec["py_total_mb"] = _num("Total") >> 20
            except Exception as e:
                rec["py_err"] = repr(e)
            try:
                from storytrace.findings import text as _ft
                rec["parser_cache"] = len(models._parser._cache) if models._parser is not None else -1
            except Exception as e:
                rec["parser_err"] = repr(e)
            rec["caches"] = {a: n for a, n in caches.items() if n > 500}
            with open(f"{OUT}.{os.getpid()}.jsonl", "a") as f:
                import json
                f.write(json.dumps(rec) + "\n")
            return res
        W._run_in_worker = _run_in_worker

    try:
        _install()
    except Exception as e:  # noqa
        sys.stderr.write(f"mem15 hook failed: {e!r}\n")
