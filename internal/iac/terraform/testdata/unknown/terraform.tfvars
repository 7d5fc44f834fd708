privileged = true
