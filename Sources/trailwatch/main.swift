print("trailwatch")
