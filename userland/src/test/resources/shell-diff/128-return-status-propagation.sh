f() { false; }
if f; then echo yes; else echo no; fi
g() { return 0; }
g && echo g-ok
h() { (exit 3); }
h; echo $?
