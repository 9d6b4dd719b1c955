print("ladder-bench: see README")
