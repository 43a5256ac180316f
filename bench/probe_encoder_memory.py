"""Does encoding sentences of many lengths leave C heap behind (oneDNN's kernel caches)? Session 15 (mem15).

    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/probe_encoder_memory.py 5
    LRU_CACHE_CAPACITY=1024 ONEDNN_PRIMITIVE_CACHE_CAPACITY=1024 PYTHONPATH=src ... (the old defaults)

Loads the sentence encoder, then encodes rounds of 1,500 new sentences of 3-60 words, clears the
vector cache and trims the heap after each: RSS and glibc's bytes in use should stay flat.
"""
import ctypes, os, random, sys, gc, time
class _MI(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena","ordblks","smblks","hblks","hblkhd","usmblks","fsmblks","uordblks","fordblks","keepcost")]
libc = ctypes.CDLL("libc.so.6"); libc.mallinfo2.restype = _MI
def st():
    gc.collect(); libc.malloc_trim(0); mi = libc.mallinfo2()
    rss = int(open("/proc/self/statm").read().split()[1]) * 4096 >> 20
    return f"rss={rss} used={mi.uordblks>>20} mmap={mi.hblkhd>>20} free={mi.fordblks>>20}"
from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder
e = Embedder(Config(quiet=True, torch_threads=1)); e.model
print("loaded", st(), "bf16", e._use_bf16, flush=True)
words = "the council voted to close old bridge repairs mayor said residents port fund cost million euros week Tuesday".split()
rnd = random.Random(1)
for rnd_i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 6):
    sents = [" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 60))) + f" {rnd_i} {k}" for k in range(1500)]
    t = time.process_time(); e.encode(sents); e._cache.clear()
    print(rnd_i, round(time.process_time() - t, 1), st(), flush=True)
