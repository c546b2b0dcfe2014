trap 'echo trap sees $?' EXIT
false
