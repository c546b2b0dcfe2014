echo shared | tee copy.txt | tr a-z A-Z
cat copy.txt
