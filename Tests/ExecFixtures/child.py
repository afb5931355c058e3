#!/usr/bin/env python3
"""An exec-stage child for the tests: answers {"id", "length"} and misbehaves on cue.

The record's text says which fault to show: crash, hang, garbage, twice, silent,
drop, error, wrong-id, kill-9; any other text gets a well-behaved answer.
"""
import json
import os
import signal
import sys
import time

sys.stderr.write("child.py: started\n")
sys.stderr.flush()
for line in sys.stdin:
    record = json.loads(line)
    text = record["text"]
    if text == "crash":
        sys.stderr.write("child.py: crashing on purpose\n")
        sys.stderr.flush()
        sys.exit(3)
    elif text == "kill-9":
        os.kill(os.getpid(), signal.SIGKILL)
    elif text == "hang":
        time.sleep(60)
    elif text == "silent":
        continue
    elif text == "garbage":
        answer = "this is not JSON"
    elif text == "twice":
        answer = json.dumps({"length": 5}) + "\n" + json.dumps({"length": 5})
    elif text == "drop":
        answer = json.dumps({"drop": "asked to"})
    elif text == "error":
        answer = json.dumps({"error": "cannot score this"})
    elif text == "wrong-id":
        answer = json.dumps({"id": "someone-else", "length": 8})
    else:
        answer = json.dumps({"id": record["id"], "length": len(text)})
    sys.stdout.write(answer + "\n")
    sys.stdout.flush()
