printf '%.1s|%3s|%-4s|%c|\n' é é é é | od -An -tx1 | tr -s ' '
