print("configured")
