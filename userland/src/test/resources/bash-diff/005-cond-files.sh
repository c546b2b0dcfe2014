touch file; mkdir dir; ln -s file link
[[ -e file ]] && echo e
[[ -f file ]] && echo f
[[ -d dir ]] && echo d
[[ -L link ]] && echo L
[[ -h link && -f link ]] && echo hf
[[ -s file ]] || echo empty
echo data > file
[[ -s file ]] && echo nonempty
[[ -r file && -w file ]] && echo rw
[[ -x dir ]] && echo x
[[ file -ef link ]] && echo same
[[ -a file ]] && echo a
