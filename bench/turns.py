"""`plans check` without progress against with it, in turns, for one or more builds.

    python3 bench/turns.py PAIRS WORK NAME=BINARY [NAME=BINARY ...]

WORK holds two synthetic repositories of the same plans, WORK/plain and WORK/progress (see
bench/progress.sh). For each binary, PAIRS pairs of runs are taken in turns (plain, progress,
progress, plain, ...), each pair within a second: this virtual machine drifts by 10-20 %
between minutes, which two separate hyperfine runs take up whole (the same build has given
1.31 and 1.53 that way). Prints the median of each side and the median ratio with its quartiles.
With more than one build, also what the first build's time without progress would become with
each other build's extra cost of progress added (their medians), against the 30 % the target
allows.
"""
import statistics
import subprocess
import sys
import time


def took(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    pairs_wanted, work, builds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    medians = []
    for build in builds:
        name, binary = build.split("=", 1)
        plain = [binary, "-C", f"{work}/plain", "check"]
        progress = [binary, "-C", f"{work}/progress", "check"]
        for cmd in (plain, progress, plain, progress):
            took(cmd)
        pairs = []
        for i in range(pairs_wanted):
            if i % 2:
                b, a = took(progress), took(plain)
            else:
                a, b = took(plain), took(progress)
            pairs.append((a, b))
        ratios = [b / a for a, b in pairs]
        q1, median, q3 = statistics.quantiles(ratios, n=4)
        medians.append(
            (name, statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs))
        )
        print(
            f"{name}: check in turns, {pairs_wanted} pairs: median "
            f"{statistics.median(a for a, _ in pairs) * 1000:.0f} ms without progress, "
            f"{statistics.median(b for _, b in pairs) * 1000:.0f} ms with it; with / without: "
            f"median {median:.2f} (quartiles {q1:.2f}-{q3:.2f}; target: at most 1.30)"
        )

    first, base, _ = medians[0]
    for name, plain, progress in medians[1:]:
        extra = progress - plain
        print(
            f"{first} without progress plus the extra cost of progress in {name} "
            f"({extra * 1000:.0f} ms): {(base + extra) / base:.2f} times {first}'s "
            f"{base * 1000:.0f} ms (the target allows {0.3 * base * 1000:.0f} ms of extra)"
        )


main()
