(function(){var k="atelier-participant",id=null;
try{id=sessionStorage.getItem(k);}catch(e){}
if(!id||!/^[a-f0-9]{24}$/.test(id)){var a=new Uint8Array(12);crypto.getRandomValues(a);
id=Array.prototype.map.call(a,function(b){return("0"+b.toString(16)).slice(-2);}).join("");
try{sessionStorage.setItem(k,id);}catch(e){}}
document.querySelectorAll(".carte a").forEach(function(l){l.href+=(l.href.indexOf("?")<0?"?":"&")+"participant="+id;});
})();
