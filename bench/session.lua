-- wrk script for bench/render.sh: sends the signed-in reader's session cookie, from the SESSION environment
-- variable, with every request. (A header given as -H "Cookie:SESSION=..." without the space is not read as
-- the session by the app, and render.sh's target list splits arguments on spaces.)
wrk.headers["Cookie"] = "SESSION=" .. os.getenv("SESSION")
