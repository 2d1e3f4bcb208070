-- wrk script for the long tail (bench/render.sh): thread n of N asks for paths n, n + N, n + 2N... of the
-- file given after "--", one request each, in the file's order. A thread that has asked for all of its
-- share starts again from its first path; done() says how many requests did, since the page cache may have
-- answered those.
--
--   wrk -t2 -c32 -d60s -s bench/tail.lua http://127.0.0.1:8080 -- bench/out/tail-paths.txt 2

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

function init(args)
   local all = {}
   for line in io.lines(args[1]) do
      all[#all + 1] = line
   end
   paths = {}
   for i = id, #all, tonumber(args[2]) do
      paths[#paths + 1] = wrk.format(nil, all[i])
   end
   share = #paths
   sent = 0
end

function request()
   sent = sent + 1
   return paths[(sent - 1) % share + 1]
end

function done(summary, latency, requests)
   local repeated = 0
   for _, thread in ipairs(threads) do
      repeated = repeated + math.max(0, thread:get("sent") - thread:get("share"))
   end
   io.write(string.format("Repeated paths: %d\n", repeated))
end
