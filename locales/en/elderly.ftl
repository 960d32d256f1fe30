# elderly — elderly mode (长辈版), read-aloud, accessibility aids
