import os

print("configuring", os.environ["ANTIDOTE_TARGET_HOST"])
