#!/usr/bin/env python3
"""Trains gensim's Word2Vec on a prepared corpus, for a side-by-side comparison with this app.

Usage: python3 bench/gensim_train.py CORPUS.txt OUT_VECTORS.txt --workers N [--dim 100 --window 5
       --negatives 5 --sample 1e-3 --min-count 5 --epochs 5 --alpha 0.025 --seed 1 --sg 1 --hs 0]

CORPUS.txt holds one sentence per line, tokens separated by spaces: bench/gensim.ts writes the
exact token stream the app's engine trains on (already lower-cased, rare words dropped, sentences
cut at 1,000 words), so both sides see the same words. The vectors are written in word2vec's text
format (bench/eval.ts --model reads it). Prints one JSON line: gensim's version, its compiled
FAST_VERSION (-1 would mean the slow pure-Python path), the settings, the training wall time, and
words per second counted like the app counts them (every corpus word of every epoch, before
sub-sampling).
"""
import argparse
import json
import time

import gensim
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
from gensim.models.word2vec_inner import FAST_VERSION


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("out")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negatives", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-3)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--alpha", type=float, default=0.025)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sg", type=int, default=1)
    p.add_argument("--hs", type=int, default=0)
    a = p.parse_args()

    sentences = LineSentence(a.corpus, max_sentence_length=10000)
    model = Word2Vec(
        vector_size=a.dim, window=a.window, negative=a.negatives if not a.hs else 0, hs=a.hs,
        sample=a.sample, min_count=a.min_count, sg=a.sg, alpha=a.alpha, min_alpha=0.0001,
        seed=a.seed, workers=a.workers,
    )
    model.build_vocab(sentences)
    start = time.perf_counter()
    trained, raw = model.train(
        sentences, total_examples=model.corpus_count, epochs=a.epochs,
    )
    seconds = time.perf_counter() - start
    model.wv.save_word2vec_format(a.out, binary=False)
    print(json.dumps({
        "gensim": gensim.__version__,
        "fastVersion": FAST_VERSION,
        "workers": a.workers,
        "vocabSize": len(model.wv),
        "corpusWords": model.corpus_total_words,
        "epochs": a.epochs,
        "trainSeconds": round(seconds, 3),
        "rawWords": raw,
        "effectiveWords": trained,
        "wordsPerSecond": round(raw / seconds),
    }))


if __name__ == "__main__":
    main()
