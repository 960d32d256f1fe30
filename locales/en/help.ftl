# help — one-tap help (一键求助)
