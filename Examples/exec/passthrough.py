# The cheapest exec child: merges nothing. For the throughput benchmark (README, "exec" section).
import sys

for line in sys.stdin:
    sys.stdout.write("{}\n")
    sys.stdout.flush()
