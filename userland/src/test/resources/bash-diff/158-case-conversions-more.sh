w="hello world"
echo "${w^}" "${w^^o}" "${w,,L}" 
arr=(alpha beta)
echo "${arr[@]^}"
declare -u u; u="abc def"; echo "$u"
x=MiXeD; echo "${x~}" "${x~~}"
